{{ toYaml .Release }}
---
{{ toJson .Chart.Name }}