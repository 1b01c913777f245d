// The consumer generated from the resource in the api-spec jar: the spec and the file it $refs were extracted side
// by side under target/, the client and the $ref'd model were generated, and everything compiled.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def jar = new File(basedir, 'api-spec/target/api-spec-1.0-SNAPSHOT.jar')
assert jar.isFile() : 'the api-spec jar was not built'
def extracted = new File(basedir, 'consumer/target/specwright-inputs/default/classpath/com/example/specs')
assert new File(extracted, 'widgets.yaml').isFile() : "the spec was not extracted into ${extracted}"
assert new File(extracted, 'widgets-schemas.yaml').isFile() : 'the $ref\'d file was not extracted beside it'
def classes = new File(basedir, 'consumer/target/classes/com/example')
assert new File(classes, 'widgets/WidgetClient.class').isFile()
assert new File(classes, 'widgets/model/Widget.class').isFile()
assert new File(classes, 'app/UsesWidgets.class').isFile()
// verbose: a line per stage at INFO, with counts
assert log =~ /\[INFO\] Specwright: parsed 1 path and \d+ schemas? in / : 'no "parsed" stage line at INFO'
assert log.contains('[INFO] Specwright: built the model: ') : 'no "built the model" stage line at INFO'
assert log =~ /\[INFO\] Specwright: wrote \d+ files, 0 unchanged/ : 'no "wrote" stage line at INFO'
return true
