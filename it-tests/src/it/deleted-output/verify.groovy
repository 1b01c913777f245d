// Build 2 found a generated file missing and generated again (never "up to date"); build 3 was up to date.
def log = new File(basedir, 'build.log').text
def lines = log.readLines().findAll { it.contains('Specwright') }
assert log.count('Specwright generated ') == 2 : "expected two generating runs:\n${lines.join('\n')}"
assert log.count('Specwright sources are up to date') == 1 : lines.join('\n')
assert log.indexOf('Specwright sources are up to date') > log.lastIndexOf('Specwright generated ')
// the second run wrote one file (the deleted one) and left the others as they were
assert log =~ /Specwright generated \d+ files \(1 written, \d+ unchanged, 0 deleted\)/ : lines.join('\n')
assert new File(basedir, 'target/generated-sources/specwright/src/main/java/com/example/pets/model/Pet.java').isFile()
assert new File(basedir, 'target/classes/com/example/app/App.class').isFile()
return true
