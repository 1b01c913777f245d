// Both executions generated into the one default output (two specs, two sets of packages), each recorded only its
// own files, both clients compiled (and a class using both), and the second build found each execution up to date by its own stamp.
def log = new File(basedir, 'build.log').text
assert !log.contains('BUILD FAILURE')
assert log.count('Specwright generated ') == 2 : 'expected each execution to generate once'
assert log.count('Specwright sources are up to date') == 2 : 'expected both executions up to date on the second build'

def output = new File(basedir, 'target/generated-sources/specwright')
def platform = new File(output, '.specwright-manifest-two-executions@platform').text
def widgets = new File(output, '.specwright-manifest-two-executions@widgets').text
assert platform.contains('src/main/java/com/example/platform/') && !platform.contains('com/example/widgets')
assert widgets.contains('src/main/java/com/example/widgets/') && !widgets.contains('com/example/platform')
assert new File(output, '.specwright-stamp-two-executions@platform').isFile()
assert new File(output, '.specwright-stamp-two-executions@widgets').isFile()

// every file each manifest lists is still there, and both clients compiled
[platform, widgets].each { manifest ->
    manifest.readLines().findAll { !it.startsWith('#') }.each { line ->
        def path = line.substring(65)
        assert new File(output, path).isFile() : "${path} was deleted"
    }
}
// the widgets execution's own packages, and the project's class that uses both clients
assert widgets.contains('src/main/java/com/example/widgets/types/Widget.java') : 'the model is not in modelPackage'
assert widgets.contains('src/main/java/com/example/widgets/endpoints/') : 'the API is not in apiPackage'
def classes = new File(basedir, 'target/classes/com/example')
assert new File(classes, 'app/BothClients.class').isFile() : 'the class using both clients did not compile'
assert new File(classes, 'widgets/types/Widget.class').isFile()
assert new File(classes, 'platform').isDirectory() && new File(classes, 'widgets').isDirectory()
def compiled = []
classes.eachFileRecurse { if (it.name.endsWith('Client.class')) compiled << it.name }
assert compiled.containsAll(['PlatformClient.class', 'WidgetClient.class']) : "compiled clients: ${compiled}"
// not verbose: the stage lines are DEBUG, each execution logs its one summary line
assert !log.contains('Specwright: parsed ') && !log.contains('Specwright: built the model') : 'stage lines at INFO'
return true
