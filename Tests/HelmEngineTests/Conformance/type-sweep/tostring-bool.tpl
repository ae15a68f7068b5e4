{{ toString true }}
