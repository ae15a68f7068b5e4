{{ upper 1.5 }}
