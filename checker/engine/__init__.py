"""Layer 6, the engine: runs the registered rules over digests and turns hits into findings.

Owns the audit loop and its worker processes (``audit``), the garbage-collector pause of big runs
(``gc_pause``) and the baseline of accepted findings (``baseline``). Imports the model, readers and rules.
"""
