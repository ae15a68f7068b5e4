{{ int "s" }}
