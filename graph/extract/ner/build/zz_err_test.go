package build
import ("os";"testing";"fmt";"context";"sort";"strings";"dateline/graph/extract/ner";"dateline/graph/extract/ner/conll";"dateline/graph/extract/segment")
func TestZZFoldErrors(t *testing.T){
 ctx:=context.Background()
 os.Chdir("../../../.."); c,err:=readCorpus("../shared/corpora"); if err!=nil{t.Fatal(err)}
 folds:=Folds(len(c.train),5,1); gf:=Folds(len(c.gumTrain),5,1)
 train,test:=split(c.train,folds,0); gtrain,_:=split(c.gumTrain,gf,0)
 opts:=Options{Corpora:"../shared/corpora",Clusters:16,Gazetteer:true,GUM:true,CacheDir:"/tmp/ner-cache",Train:ner.TrainOptions{Epochs:10,Seed:1,Bits:18,Folds:4,Restarts:3,TagDictMin:200,Features:ner.AllFeatures}}
 m,err:=trainModel(ctx,opts,train,gtrain); if err!=nil{t.Fatal(err)}
 tg:=ner.New(m)
 cnt:=map[string]int{}; var lines []string
 for _,d:=range test{ text,spans:=d.Text(); ms:=tg.Tag(text,segment.Split(text)); pred:=ner.CoNLLTags(spans,ms)
  for si,s:=range d.Sentences{ gold:=make([]string,len(s)); words:=make([]string,len(s)); for i,tk:=range s{gold[i]=tk.Tag; words[i]=tk.Text}
   pc:=map[conll.Chunk]bool{}; for _,ch:=range conll.Chunks(pred[si]){pc[ch]=true}
   for _,ch:=range conll.Chunks(gold){ if ch.Type!="ORG"||pc[ch]{continue}
     // what was predicted over those tokens
     p:=strings.Join(pred[si][ch.Start:ch.End],",")
     key:="O"; for _,x:=range pred[si][ch.Start:ch.End]{ if x!="O"{key=x[2:]} }
     if key=="ORG"{key="ORG-boundary"}
     cnt[key]++
     lo:=max(0,ch.Start-3); hi:=min(len(s),ch.End+3)
     lines=append(lines, fmt.Sprintf("%-12s %s  [[%s]]  (%s)", key, strings.Join(words[lo:hi]," "), strings.Join(words[ch.Start:ch.End]," "), p))
   }}}
 fmt.Println(cnt); sort.Strings(lines); for i,l:=range lines{ if i%3==0 {fmt.Println(l)} }
}
