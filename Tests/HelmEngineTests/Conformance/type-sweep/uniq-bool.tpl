{{ uniq true }}
