// Helpers for main.bicepparam, which reads azd's environment variables.

@export()
@description('The trimmed value, or the fallback when the variable is empty (a pipeline variable that is not defined arrives empty).')
func valueOr(value string, fallback string) string => empty(trim(value)) ? fallback : trim(value)

@export()
@description('A comma-separated value as a list, without blanks.')
func listOf(commaSeparated string) string[] =>
  filter(map(split(commaSeparated, ','), item => trim(item)), item => !empty(item))
