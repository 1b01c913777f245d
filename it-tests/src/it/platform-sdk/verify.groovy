// The build passed; make sure it passed for the right reasons: sources were generated and the tests did run.
def sources = new File(basedir, 'target/generated-sources/specwright/src/main/java/com/example/platform')
assert sources.isDirectory() : "no generated sources in ${sources}"
assert new File(sources, 'PlatformClient.java').isFile()

def reports = new File(basedir, 'target/surefire-reports')
def xml = reports.listFiles()?.findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') } ?: []
assert !xml.isEmpty() : 'no surefire reports: the tests did not run'
int tests = xml.sum { Integer.parseInt((it.text =~ /tests="(\d+)"/)[0][1]) }
assert tests >= 7 : "only ${tests} tests ran"

def log = new File(basedir, 'build.log').text
assert log.contains('Specwright generated')
return true
