{{ uniq nil }}
