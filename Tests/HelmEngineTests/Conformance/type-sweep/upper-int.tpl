{{ upper 3 }}
