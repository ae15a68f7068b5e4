{{ squote .Values }}
