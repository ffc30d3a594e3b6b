{{/*
The chart name, or nameOverride.
*/}}
{{- define "modelfleet.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The prefix of every resource name: fullnameOverride, or <release>-<name>, or just the
release name when it already contains the chart name. Trimmed to 63 characters (DNS label).
*/}}
{{- define "modelfleet.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "modelfleet.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object.
*/}}
{{- define "modelfleet.labels" -}}
helm.sh/chart: {{ include "modelfleet.chart" . }}
{{ include "modelfleet.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: modelfleet
{{- end }}

{{/*
Labels that select the operator pods. Never change these between releases: a Deployment's
selector is immutable.
*/}}
{{- define "modelfleet.selectorLabels" -}}
app.kubernetes.io/name: {{ include "modelfleet.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end }}

{{/*
The operator's ServiceAccount name.
*/}}
{{- define "modelfleet.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "modelfleet.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The operator image reference.
*/}}
{{- define "modelfleet.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/*
QUARKUS_OPERATOR_SDK_NAMESPACES: the watched namespaces, comma separated, or Java Operator
SDK's constant for all namespaces when the list is empty.
*/}}
{{- define "modelfleet.watchNamespaces" -}}
{{- if .Values.watchNamespaces }}
{{- join "," .Values.watchNamespaces }}
{{- else }}
{{- "JOSDK_ALL_NAMESPACES" }}
{{- end }}
{{- end }}

{{/*
Labels on every object of one component other than the operator. Call with a dict:
ctx (the root context), component (e.g. gateway) and tag (the component's image tag, or "").
*/}}
{{- define "modelfleet.componentLabels" -}}
helm.sh/chart: {{ include "modelfleet.chart" .ctx }}
{{ include "modelfleet.componentSelectorLabels" . }}
app.kubernetes.io/version: {{ .tag | default .ctx.Chart.AppVersion | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: modelfleet
{{- end }}

{{/*
Labels that select one component's pods; called with the same dict as componentLabels.
Immutable in a Deployment's selector, like the operator's.
*/}}
{{- define "modelfleet.componentSelectorLabels" -}}
app.kubernetes.io/name: {{ include "modelfleet.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
The gateway's resource name prefix: the full name, shortened to leave room for "-gateway".
*/}}
{{- define "modelfleet.gateway.fullname" -}}
{{- printf "%s-gateway" (include "modelfleet.fullname" . | trunc 55 | trimSuffix "-") }}
{{- end }}

{{- define "modelfleet.gateway.labels" -}}
{{ include "modelfleet.componentLabels" (dict "ctx" . "component" "gateway" "tag" .Values.gateway.image.tag) }}
{{- end }}

{{- define "modelfleet.gateway.selectorLabels" -}}
{{ include "modelfleet.componentSelectorLabels" (dict "ctx" . "component" "gateway") }}
{{- end }}

{{/*
Labels on the Prometheus Operator objects and dashboard ConfigMaps.
*/}}
{{- define "modelfleet.monitoring.labels" -}}
{{ include "modelfleet.componentLabels" (dict "ctx" . "component" "monitoring" "tag" "") }}
{{- end }}

{{/*
The gateway's ServiceAccount name.
*/}}
{{- define "modelfleet.gateway.serviceAccountName" -}}
{{- if .Values.gateway.serviceAccount.create }}
{{- default (include "modelfleet.gateway.fullname" .) .Values.gateway.serviceAccount.name }}
{{- else }}
{{- required "gateway.serviceAccount.name is required when gateway.serviceAccount.create is false" .Values.gateway.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The gateway image reference.
*/}}
{{- define "modelfleet.gateway.image" -}}
{{- printf "%s:%s" .Values.gateway.image.repository (.Values.gateway.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/*
The gateway's RBAC rules on namespaced resources, as one list; granted cluster-wide, or per
namespace when gateway.namespaces is set. A chart test keeps them equal to the documented table.
*/}}
{{- define "modelfleet.gateway.namespacedRules" -}}
# Routes map OpenAI model names to pool models.
- apiGroups: ["modelfleet.dev"]
  resources: ["modelroutes"]
  verbs: ["get", "list", "watch"]
# Pools name each route's backends; patch writes the lastused.modelfleet.dev/<model> annotation that eviction by least recent use reads.
- apiGroups: ["modelfleet.dev"]
  resources: ["modelpools"]
  verbs: ["get", "list", "watch", "patch"]
# Routes reference their API keys in Secrets, which the gateway reads to check callers.
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch"]
# The engine Services' Endpoints say at once when a pool model has no ready pod, ahead of the pool's status.
- apiGroups: [""]
  resources: ["endpoints"]
  verbs: ["get", "list", "watch"]
{{- end }}
