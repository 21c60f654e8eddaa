import ArgumentParser

/// Where to read plugins.json from; shared by every command.
struct ConfigOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp("plugins.json to use (else $LOTSE_CONFIG, /etc/lotse/plugins.json, ./plugins.json).", valueName: "file"))
    var path: String?
}
