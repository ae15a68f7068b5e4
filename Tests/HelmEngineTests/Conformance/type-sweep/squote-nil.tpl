{{ squote nil }}
