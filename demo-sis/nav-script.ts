/**
 * In-app navigation, like RosarioSIS's ajaxLink: links marked `data-nav` fetch the page's fragment (header
 * `X-Requested-With: XMLHttpRequest`), swap `#content` in place and push the URL, so a content script sees the
 * page change without a load. Kept as a string: it runs in the page, not in Node. Falls back to a normal load.
 */
export const NAV_SCRIPT = `(function(){
var content=document.getElementById('content');
function load(url,push){
 fetch(url,{headers:{'X-Requested-With':'XMLHttpRequest'}}).then(function(r){return r.text();}).then(function(text){
  var t=document.createElement('template');t.innerHTML=text;
  var main=t.content.querySelector('#content');
  if(!main){location.href=url;return;}
  content.innerHTML=main.innerHTML;
  if(main.getAttribute('data-title'))document.title=main.getAttribute('data-title');
  if(push)history.pushState({demoNav:true},'',url);
  window.scrollTo(0,0);
 }).catch(function(){location.href=url;});
}
document.addEventListener('click',function(e){
 var a=e.target&&e.target.closest?e.target.closest('a[data-nav]'):null;
 if(!a||e.defaultPrevented||e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey)return;
 e.preventDefault();load(a.href,true);
});
window.addEventListener('popstate',function(){load(location.href,false);});
})();`;
