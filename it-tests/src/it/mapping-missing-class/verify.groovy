// The build failed naming the parameter, the key and the missing class; the class in the project's sources passed;
// nothing was generated.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def line = log.readLines().find { it.contains('<typeMappings> key "date-time"') }
assert line != null : 'the failure does not name <typeMappings> key "date-time"'
assert line.contains('com.example.Missing') && line.contains('Fix: ') : "unclear failure: ${line}"
assert !log.contains('com.example.Money names') : 'com.example.Money (in src/main/java) was reported missing'
assert !log.contains('Specwright generated ')
assert !new File(basedir, 'target/generated-sources/specwright/src').exists() : 'files were written'
return true
