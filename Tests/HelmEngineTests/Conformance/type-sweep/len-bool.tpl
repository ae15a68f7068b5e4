{{ len true }}
