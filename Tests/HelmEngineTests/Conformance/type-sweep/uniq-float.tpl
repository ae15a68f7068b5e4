{{ uniq 1.5 }}
