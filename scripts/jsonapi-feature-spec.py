#!/usr/bin/env python3
# Writes specs/features/jsonapi.yaml: python3 scripts/jsonapi-feature-spec.py > specs/features/jsonapi.yaml (needs PyYAML).
# Emits specs/features/jsonapi.yaml the way Oro's API doc generator does: one block per type, nothing shared by hand.
import json
R = {
 'orders': {'title':'Order','attrs':[('identifier',{'type':'string'}),('poNumber',{'type':['string','null']}),
   ('status',{'type':'string','enum':['open','closed','cancelled']}),('totalValue',{'type':'string'}),('currency',{'type':'string'}),
   ('createdAt',{'type':'string','format':'date-time'}),('updatedAt',{'type':'string','format':'date-time'})],
   'rels':[('customer','customers',False,True),('lineItems','orderlineitems',True,False)],
   'filters':[('id',['eq','neq','lt','lte','gt','gte']),('identifier',['eq','neq','contains','not_contains']),('poNumber',['eq','neq','exists','neq_or_null','contains','not_contains']),('status',['eq','neq']),
              ('createdAt',['eq','neq','lt','lte','gt','gte']),('updatedAt',['eq','neq','lt','lte','gt','gte']),('customer',['eq','neq','exists'])],
   'sort':['id','identifier','createdAt','updatedAt']},
 'orderlineitems': {'title':'Order Line Item','attrs':[('productSku',{'type':'string'}),('quantity',{'type':'number'}),('value',{'type':'string'}),('currency',{'type':'string'}),('notes',{'type':['string','null']})],
   'rels':[('order','orders',False,False),('product','products',False,True)],
   'filters':[('id',['eq','neq','lt','lte','gt','gte']),('productSku',['eq','neq','contains','not_contains']),('quantity',['eq','neq','lt','lte','gt','gte']),('order',['eq','neq']),('product',['eq','neq','exists'])],
   'sort':['id','quantity']},
 'customers': {'title':'Customer','attrs':[('name',{'type':'string'}),('email',{'type':['string','null'],'format':'email'}),('createdAt',{'type':'string','format':'date-time'}),('updatedAt',{'type':'string','format':'date-time'})],
   'rels':[('parent','customers',False,True),('orders','orders',True,False)],
   'filters':[('id',['eq','neq','lt','lte','gt','gte']),('name',['eq','neq','contains','not_contains']),('createdAt',['eq','neq','lt','lte','gt','gte']),('parent',['eq','neq','exists'])],
   'sort':['id','name','createdAt']},
 'products': {'title':'Product','attrs':[('sku',{'type':'string'}),('name',{'type':'string'}),('status',{'type':'string','enum':['enabled','disabled']}),('createdAt',{'type':'string','format':'date-time'})],
   'rels':[],
   'filters':[('id',['eq','neq','lt','lte','gt','gte']),('sku',['eq','neq','contains','not_contains']),('status',['eq','neq'])],
   'sort':['id','sku','createdAt']},
}
MT='application/vnd.api+json'
def ref(n): return {'$ref':'#/components/schemas/'+n}
def err(code, desc): return {'description':desc,'content':{MT:{'schema':ref('failures')}}}
COMMON_ERR=[('401','Returned when the server requires authentication'),('403','Returned when access to the entity is denied'),('500','Returned when an unexpected error occurs')]
def errors(extra):
    d={}
    for c,t in extra+COMMON_ERR: d[c]=err(c,t)
    return dict(sorted(d.items()))
def attr_filter_schema(t, f):
    if f=='id': return {'type':'string'}
    for n,s in R[t]['attrs']:
        if n==f:
            s=dict(s); s.pop('enum',None)
            if isinstance(s['type'],list): s['type']='string'
            return s
    return {'type':'string'}
OPDESC={'eq':'equal to','neq':'not equal to','lt':'less than','lte':'less than or equal to','gt':'greater than','gte':'greater than or equal to','exists':'exists (true) or does not exist (false)','neq_or_null':'not equal to or is null','contains':'contains','not_contains':'does not contain'}
def list_params(t, with_paging=True):
    p=[]
    if with_paging:
        p.append({'name':'page[number]','in':'query','description':'The page number, starting from 1.','required':False,'schema':{'type':'integer','default':1}})
        p.append({'name':'page[size]','in':'query','description':'The number of items per page. Set -1 to return all items.','required':False,'schema':{'type':'integer','default':10}})
        p.append({'name':'sort','in':'query','description':'Result sorting. Comma-separated fields, e.g. \'field1,-field2\'. Allowed fields: '+', '.join(R[t]['sort'])+'.','required':False,'schema':{'type':'string','default':'id'}})
    for f,ops in R[t]['filters']:
        s=attr_filter_schema(t,f)
        p.append({'name':'filter[%s]'%f,'in':'query','description':'Filter records by \'%s\' field. A value may be a list (a,b) or a range (a..b).'%f,'required':False,'schema':dict(s)})
        for o in ops:
            s2=dict(s) if o!='exists' else {'type':'boolean'}
            p.append({'name':'filter[%s][%s]'%(f,o),'in':'query','description':'Filter records whose \'%s\' field is %s the value.'%(f,OPDESC[o]),'required':False,'schema':s2})
    return p
def fields_include(t):
    p=[]
    types=[t]+sorted({r[1] for r in R[t]['rels']}-{t})
    for ty in types:
        p.append({'name':'fields[%s]'%ty,'in':'query','description':'A list of fields of \'%s\' to be returned.'%ty,'required':False,'schema':{'type':'string'}})
    if R[t]['rels']:
        p.append({'name':'include','in':'query','description':'A list of related entities to be included. Comma-separated paths, e.g. \'articles,comments.author\'.','required':False,'schema':{'type':'string'}})
    return p
def meta_p(): return {'name':'meta','in':'query','description':'A list of meta properties to be returned. Comma-separated names.','required':False,'schema':{'type':'string'}}
def xinc(vals): return {'name':'X-Include','in':'header','description':'Request the server to include additional information. Supported: '+', '.join(vals)+'.','required':False,'schema':{'type':'array','items':{'type':'string','enum':vals}},'style':'simple','explode':False}
def idp(): return {'name':'id','in':'path','description':'The identifier of an entity','required':True,'schema':{'type':'string'}}
def resource_schema(t, request=None):
    d=R[t]
    attrs={n:dict(s) for n,s in d['attrs']}
    props={'type':{'type':'string','enum':[t]},'id':{'type':'string'}}
    props['attributes']={'type':'object','properties':attrs}
    if d['rels']:
        rels={}
        for n,target,many,nullable in d['rels']:
            if many: data={'type':'array','items':ref(target+'Identifier')}
            elif nullable: data={'oneOf':[ref(target+'Identifier'),{'type':'null'}]}
            else: data=ref(target+'Identifier')
            rels[n]={'type':'object','required':['data'],'properties':{'data':data}}
        props['relationships']={'type':'object','properties':rels}
    s={'type':'object','required':['type','id'] if request!='create' else ['type'],'properties':props}
    return s
def opid(t, what): return '%s-%s'%(t,what)
paths={}
schemas={}
for t,d in R.items():
    schemas[t]=resource_schema(t)
    schemas[t+'Identifier']={'type':'object','required':['type','id'],'properties':{'type':{'type':'string','enum':[t]},'id':{'type':'string'}}}
    # a list's meta described (what X-Include: totalCount asks for): typed; a single record's meta free form: a map
    schemas[t+'Collection']={'type':'object','required':['data'],'properties':{'data':{'type':'array','items':ref(t)},'included':{'type':'array','items':{'type':'object'}},'links':{'type':'object','additionalProperties':{'type':'string'}},'meta':{'type':'object','properties':{'totalCount':{'type':'integer','description':'The number of records the filters match.'}}}}}
    schemas[t+'Item']={'type':'object','required':['data'],'properties':{'data':ref(t),'included':{'type':'array','items':{'type':'object'}},'links':{'type':'object','additionalProperties':{'type':'string'}},'meta':{'type':'object','additionalProperties':True}}}
    schemas[t+'CreateDocument']={'type':'object','required':['data'],'properties':{'data':resource_schema(t,'create')}}
    schemas[t+'UpdateDocument']={'type':'object','required':['data'],'properties':{'data':resource_schema(t,'update')}}
    tag=t
    lst={'get':{'tags':[tag],'operationId':opid(t,'get-list'),'summary':'Get %s'%t,'description':'Get a list of %s records.'%t,
        'parameters':list_params(t)+fields_include(t)+[meta_p(),xinc(['totalCount','noHateoas'])],
        'responses':dict(sorted({'200':{'description':'Returned when successful','headers':{'X-Include-Total-Count':{'description':'The total number of records (when X-Include: totalCount was sent)','schema':{'type':'integer'}}},'content':{MT:{'schema':ref(t+'Collection')}}},**errors([('400','Returned when the request data is not valid')])}.items()))},
      'post':{'tags':[tag],'operationId':opid(t,'create'),'summary':'Create %s'%d['title'],'description':'Create a new %s record.'%d['title'],
        'parameters':fields_include(t)+[meta_p()],
        'requestBody':{'required':True,'content':{MT:{'schema':ref(t+'CreateDocument')}}},
        'responses':dict(sorted({'201':{'description':'Returned when the entity was created','headers':{'Location':{'description':'The URL of the created entity','schema':{'type':'string'}}},'content':{MT:{'schema':ref(t+'Item')}}},**errors([('400','Returned when the request data is not valid'),('409','Returned when the entity already exists'),('422','Returned when the data is not valid')])}.items()))},
      'delete':{'tags':[tag],'operationId':opid(t,'delete-list'),'summary':'Delete %s'%t,'description':'Delete a list of %s records matching the filters.'%t,
        'parameters':list_params(t,False)+[xinc(['deletedCount'])],
        'responses':dict(sorted({'204':{'description':'Returned when successful','headers':{'X-Include-Deleted-Count':{'description':'The number of deleted records (when X-Include: deletedCount was sent)','schema':{'type':'integer'}}}},**errors([('400','Returned when the request data is not valid')])}.items()))}}
    paths['/api/'+t]=lst
    one={'get':{'tags':[tag],'operationId':opid(t,'get'),'summary':'Get %s'%d['title'],'description':'Get a %s record.'%d['title'],
        'parameters':[idp()]+fields_include(t)+[meta_p(),xinc(['noHateoas'])],
        'responses':dict(sorted({'200':{'description':'Returned when successful','content':{MT:{'schema':ref(t+'Item')}}},**errors([('404','Returned when the entity is not found')])}.items()))},
      'patch':{'tags':[tag],'operationId':opid(t,'update'),'summary':'Update %s'%d['title'],'description':'Edit a %s record.'%d['title'],
        'parameters':[idp()]+fields_include(t)+[meta_p()],
        'requestBody':{'required':True,'content':{MT:{'schema':ref(t+'UpdateDocument')}}},
        'responses':dict(sorted({'200':{'description':'Returned when the entity was updated','content':{MT:{'schema':ref(t+'Item')}}},**errors([('400','Returned when the request data is not valid'),('404','Returned when the entity is not found'),('422','Returned when the data is not valid')])}.items()))},
      'delete':{'tags':[tag],'operationId':opid(t,'delete'),'summary':'Delete %s'%d['title'],'description':'Delete a %s record.'%d['title'],
        'parameters':[idp()],
        'responses':dict(sorted({'204':{'description':'Returned when the entity was deleted'},**errors([('404','Returned when the entity is not found')])}.items()))}}
    paths['/api/%s/{id}'%t]=one
    for n,target,many,nullable in d['rels']:
        if many: data={'type':'array','items':ref(target+'Identifier')}
        elif nullable: data={'oneOf':[ref(target+'Identifier'),{'type':'null'}]}
        else: data=ref(target+'Identifier')
        relschema='%s%sRelationship'%(t,n[0].upper()+n[1:])
        schemas[relschema]={'type':'object','required':['data'],'properties':{'data':data}}
        sub={'get':{'tags':[tag],'operationId':opid(t,n+'-get-subresource'),'summary':'Get %s'%n,'description':'Get the related %s of a %s record.'%(n,d['title']),
             'parameters':[idp()]+([{'name':'fields[%s]'%target,'in':'query','description':'A list of fields of \'%s\' to be returned.'%target,'required':False,'schema':{'type':'string'}}])+[meta_p()],
             'responses':dict(sorted({'200':{'description':'Returned when successful','content':{MT:{'schema':ref(target+('Collection' if many else 'Item'))}}},**errors([('404','Returned when the entity is not found')])}.items()))}}
        paths['/api/%s/{id}/%s'%(t,n)]=sub
        rel={'get':{'tags':[tag],'operationId':opid(t,n+'-get-relationship'),'summary':'Get "%s" relationship'%n,'description':'Get the linkage of the "%s" relationship.'%n,
             'parameters':[idp()],
             'responses':dict(sorted({'200':{'description':'Returned when successful','content':{MT:{'schema':ref(relschema)}}},**errors([('404','Returned when the entity is not found')])}.items()))},
             'patch':{'tags':[tag],'operationId':opid(t,n+'-update-relationship'),'summary':'Update "%s" relationship'%n,'description':'Replace the "%s" relationship.'%n,
             'parameters':[idp()],'requestBody':{'required':True,'content':{MT:{'schema':ref(relschema)}}},
             'responses':dict(sorted({'204':{'description':'Returned when the relationship was updated'},**errors([('400','Returned when the request data is not valid'),('404','Returned when the entity is not found')])}.items()))}}
        if many:
            for verb,what in (('post','add'),('delete','delete')):
                rel[verb]={'tags':[tag],'operationId':opid(t,n+'-'+what+'-relationship'),'summary':'%s members of "%s" relationship'%(what.capitalize(),n),'description':'%s members of the "%s" relationship.'%(what.capitalize(),n),
                  'parameters':[idp()],'requestBody':{'required':True,'content':{MT:{'schema':ref(relschema)}}},
                  'responses':dict(sorted({'204':{'description':'Returned when the relationship was changed'},**errors([('400','Returned when the request data is not valid'),('404','Returned when the entity is not found')])}.items()))}
        paths['/api/%s/{id}/relationships/%s'%(t,n)]=rel
schemas['failures']={'type':'object','required':['errors'],'properties':{'errors':{'type':'array','items':ref('failure')}}}
schemas['failure']={'type':'object','properties':{'status':{'type':'string','description':'The HTTP status code applicable to this problem.'},'title':{'type':'string','description':'A short, human-readable summary of the problem.'},'detail':{'type':['string','null'],'description':'A human-readable explanation specific to this occurrence of the problem.'},
   'source':{'type':'object','properties':{'pointer':{'type':'string','description':'A JSON Pointer to the associated entity in the request document.'},'parameter':{'type':'string','description':'The URI query parameter that caused the error.'}}}}}
# Oro's dump titles every API "JSON:API" (PLATFORM.md section 2), which names no client; x-client-name says whose it is
doc={'openapi':'3.1.0','info':{'title':'JSON:API','x-client-name':'Oro','version':'1.0','description':'A JSON:API of the shape Oro\'s API doc generator emits (oro:api:doc:openapi:dump): one block per type, every list operation with its own parameter list.'},
 'servers':[{'url':'https://shop.example.com'}],
 'security':[{'oAuth2':[]},{'bearerAuth':[]}],
 'tags':[{'name':t,'description':R[t]['title']+' records'} for t in R],
 'paths':paths,
 'components':{'schemas':schemas,'securitySchemes':{
   'oAuth2':{'type':'oauth2','description':'OAuth 2.0; the token request is a JSON document sent to /oauth2-token.','flows':{
      'clientCredentials':{'tokenUrl':'https://shop.example.com/oauth2-token','scopes':{},'x-token-request':'json'},
      'password':{'tokenUrl':'https://shop.example.com/oauth2-token','scopes':{}},
      'authorizationCode':{'authorizationUrl':'https://shop.example.com/oauth2-token/authorize','tokenUrl':'https://shop.example.com/oauth2-token','scopes':{}}}},
   'bearerAuth':{'type':'http','scheme':'bearer'}}}}
import yaml
class D(yaml.SafeDumper):
    def ignore_aliases(self, data): return True
print('# Generated in the shape of Oro\'s OpenAPI 3.1 dump (see docs/notes/jsonapi.md); long and repetitive on purpose.')
print(yaml.dump(doc, Dumper=D, sort_keys=False, width=160, allow_unicode=True), end='')
