{{ last 3 }}
