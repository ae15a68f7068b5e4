{{ uniq 3 }}
