// The build failed naming the unknown key (and the key it most likely meant); the keys that mean what Specwright
// does anyway passed; nothing was generated.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def line = log.readLines().find { it.contains('<configOptions.dateLibary>') }
assert line != null : 'the failure does not name <configOptions.dateLibary>'
assert line.contains('unknown key "dateLibary"') && line.contains('did you mean dateLibrary?') : "unclear: ${line}"
assert !log.contains('useJakartaEe>') || log.contains('has no effect') : 'useJakartaEe was refused'
assert !log.contains('<generatorName>') && !log.contains('<library>') : 'generatorName java or library native refused'
assert !log.contains('Specwright generated ')
return true
