{{ upper true }}
