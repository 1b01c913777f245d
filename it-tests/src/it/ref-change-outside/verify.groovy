// Build 1 generated; build 2 (the $ref'd file outside the spec's folder changed) generated again, with the new
// property; build 3 found everything up to date.
def log = new File(basedir, 'build.log').text
assert log.count('Specwright generated ') == 2 : "expected two generating runs:\n${log.readLines().findAll { it.contains('Specwright') }.join('\n')}"
assert log.count('Specwright sources are up to date') == 1
assert log.indexOf('Specwright sources are up to date') > log.lastIndexOf('Specwright generated ')

def models = new File(basedir, 'target/generated-sources/specwright/src/main/java/com/example/widgets/model')
def sources = models.listFiles().findAll { it.name.endsWith('.java') }
assert sources.any { it.text.contains('colour') } : "the change to common/widget.yaml did not reach the models ${sources*.name}"
assert new File(basedir, 'target/classes/com/example/widgets/model/Widget.class').isFile()
return true
