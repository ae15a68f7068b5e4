{{ uniq "s" }}
