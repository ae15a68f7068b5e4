{{ last 1.5 }}
