{{ len "s" }}
