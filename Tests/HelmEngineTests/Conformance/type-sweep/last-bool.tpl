{{ last true }}
