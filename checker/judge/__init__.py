"""The optional LLM judge: one request per paper, any OpenAI-compatible API, bounded cost, cached, verified.

Modules: settings (what to call; never the generator's $MODEL_NAME), prompts (files + hash), keyfacts (the
abstract's contribution and result sentences), request (claims, key facts, hints, messages), schema (structured
output, evidence -> reason -> label), tokens and pricing (cost), budget (reservations, the server's bill),
cache (SQLite), client (the AsyncOpenAI and OpenAI factories, reply size cap), secrets (the key scrubber),
call (one paper: fallback, repair, one re-ask for missing ids, retries), verify (evidence checks -> findings),
merge (with the rules' findings: hints, one finding per sentence and family), runner (selection, concurrency,
summary), batch (Batch API JSONL, submit/status/download), entry (the CLI's way in).
"""
