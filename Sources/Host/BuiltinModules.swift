import HousingModule
import LanguageModule
import PluginKit
import SchoolModule
import SocialModule
import WorkModule

/// The modules this build of lotse ships, in their default order. Adding a module is
/// one line here plus its target; plugins.json decides which are enabled.
let builtinModules = ModuleRegistry([
    LanguageModule(),
    WorkModule(),
    SchoolModule(),
    HousingModule(),
    SocialModule(),
])
