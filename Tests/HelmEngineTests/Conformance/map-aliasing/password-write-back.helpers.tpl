{{- define "pw" -}}
{{- $tmp := include "getValue" (dict "key" "auth.password" "context" $) -}}
{{- $_ := set .Values.global.redis "password" $tmp -}}
{{- .Values.global.redis.password -}}
{{- end -}}
{{- define "getValue" -}}
{{- $latest := $.context.Values -}}
{{- $value := "" -}}
{{- range splitList "." .key -}}{{- $value = index $latest . -}}{{- $latest = $value -}}{{- end -}}
{{- printf "%v" (default "" $value) -}}
{{- end -}}