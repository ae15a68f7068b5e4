{{ mustUniq 5 }}
