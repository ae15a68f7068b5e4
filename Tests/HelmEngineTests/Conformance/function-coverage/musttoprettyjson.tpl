{{ mustToPrettyJson (dict "a" 1 "b" (list "<x>" nil)) }}|{{ mustToPrettyJson list }}|{{ mustToPrettyJson "s" }}|{{ mustToPrettyJson nil }}|{{ mustToPrettyJson 1.5 }}
