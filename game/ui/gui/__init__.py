"""The pygame GUI front end."""
