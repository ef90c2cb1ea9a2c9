import SyncHealthCLI

/// The `synchealth` executable: runs the admin CLI's root command.
@main
enum Entry {
    static func main() async {
        await SyncHealthCommand.main(nil)
    }
}
