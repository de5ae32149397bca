# placeholder until the CLI exists
