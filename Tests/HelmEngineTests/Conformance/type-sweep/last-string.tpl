{{ last "s" }}
