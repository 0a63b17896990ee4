import ArgumentParser

@main
struct Actplot: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "actplot")
}
