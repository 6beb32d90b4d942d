"""Training and evaluating the Norwegian NER model shipped in recognizers/ner/model."""
