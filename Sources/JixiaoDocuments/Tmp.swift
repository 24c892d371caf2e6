enum DocumentsTmp {}
