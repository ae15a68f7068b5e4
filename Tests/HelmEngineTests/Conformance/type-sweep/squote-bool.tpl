{{ squote true }}
