// Build 2 skipped generation, kept the earlier sources on the compile path, and compiled them and the app again.
def log = new File(basedir, 'build.log').text
def lines = log.readLines().findAll { it.contains('Specwright') }
assert log.count('Specwright generated ') == 1 : lines.join('\n')
assert log.contains('Specwright generation skipped (specwright.skip=true); sources generated earlier stay on the compile path: ') : lines.join('\n')
assert log.count('BUILD SUCCESS') == 2
assert new File(basedir, 'target/classes/com/example/app/App.class').isFile()
assert new File(basedir, 'target/classes/com/example/pets/model/Pet.class').isFile()
return true
