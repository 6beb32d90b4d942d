"""The bundled Norwegian NER pipeline and its Presidio mapping."""
