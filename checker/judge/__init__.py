"""The optional LLM judge: one request per paper, any OpenAI-compatible API, bounded cost, cached, verified.

Modules: settings (what to call), prompts (files + hash), keyfacts (checklist by rule), request (messages),
schema (structured output), tokens and pricing (cost), cache (SQLite), client (the one AsyncOpenAI factory),
call (one paper, with fallback, repair and retries), verify (evidence checks -> findings), merge (with the
heuristics), runner (selection, budget, concurrency), batch (Batch API JSONL), rules (J ids).
"""
