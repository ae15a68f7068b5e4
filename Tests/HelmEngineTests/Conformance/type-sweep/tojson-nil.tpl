{{ toJson nil }}
