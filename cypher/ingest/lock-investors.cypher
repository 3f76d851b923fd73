// Takes the write lock of every company that makes a deal in this batch, in id order, before the batch reads
// those companies' deals: two writers reconciling deals of the same investor then run one after the other
// instead of both creating "the" new deal. Changes nothing.
// :param ids => ['amazon', 'microsoft']
UNWIND $ids AS id
MATCH (c:Company {id: id})
SET c.__lock = true
REMOVE c.__lock
