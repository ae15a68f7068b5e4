{{ typeOf true }}
