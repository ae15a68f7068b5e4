{{ kindOf true }}
