"""Detection: the detector over every recognizer and the NER model, the normalised views it reads
text through, the worker processes, the per-text cache and the learned cost model."""
